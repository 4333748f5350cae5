model roi
  cost.project = 1.2M
  gain = 10% * revenue
end
roi roi scenario hi (cost.project = 2M)
