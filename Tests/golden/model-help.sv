help model
help roi
help scenario
help models
help forget
