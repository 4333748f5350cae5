# A model is run once when it is defined, so a table that is not there shows at once, under
# the text that reads it.
model data
  saving data_errors from rows(mismatches) to 20 worth 3000
  cost project 900k
end
