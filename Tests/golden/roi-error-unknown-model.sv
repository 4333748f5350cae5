model integration; gain sales from 10M to 10.5M; cost project 900k; end
roi integraton
