# Errors of the script commands; each is reported and the script goes on.
on error continue
# A script that runs itself through another.
run "data/run_cycle_a.sv"
# A missing file, an unknown library script, an unknown run.
run "data/no_such.sv"
run nightly
run show 99
# A parameter with no default and no --set; a default of the wrong type.
param region text
param as_of date default 42
# A library script must parse.
script save broken from "data/run_broken.sv"
script show missing
# history is kept for statements typed at the prompt only.
history
save history to "never.sv"
save history last 0 to "never.sv"
runs last 0
audit last -1
