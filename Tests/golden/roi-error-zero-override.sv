# An override can make the cost zero too: the caret is under the override.
model integration; gain sales from 10M to 10.5M; cost project 900k; end
roi integration with (cost.project = 0)
