# A scenario that sets an input the model no longer has is reported when the model is
# redefined, and stops roi with a caret in the scenario's text.
model integration; gain sales from 10M to 10.5M; cost project 900k; cost licenses 15k per month; end
scenario cheap of integration (cost.licenses = 5k)
model integration; gain sales from 10M to 10.5M; cost project 900k; end
roi integration scenarios
