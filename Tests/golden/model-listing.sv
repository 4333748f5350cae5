# Models and scenarios are kept in the workspace as written: listed, shown, replaced, forgotten.
models
model integration
  gain   sales        from 10M to 10.5M
  cost   project      900k   # the project itself
end
model `Внедрение ЭДО`; saving часы from 400 to 150 worth 1200; cost проект 250k; end
scenario dear of integration (cost.project = 1.5M)
scenario base of integration
models
models integration
# Defining it again replaces it and keeps its scenarios.
model integration
  gain   sales        from 10M to 10.6M
  cost   project      900k
end
models integration
forget scenario dear of integration
forget model `Внедрение ЭДО`
models
