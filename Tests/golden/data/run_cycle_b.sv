print "b runs a"
run "run_cycle_a.sv"
