model integration; gain sales from 10M to 10.5M; cost project 900k; end
roi integration vary cost.project from 0 to 2M step 1k
