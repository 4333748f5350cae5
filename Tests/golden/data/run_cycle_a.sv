run "run_cycle_b.sv"
