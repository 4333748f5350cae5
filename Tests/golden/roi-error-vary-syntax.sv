# vary needs from, to and step; with needs names with '='.
model integration; gain sales from 10M to 10.5M; cost project 900k; end
roi integration vary cost.project 500k to 2M step 250k
roi integration vary cost.project from 500k to 2M
roi integration with (cost.project 1.2M)
