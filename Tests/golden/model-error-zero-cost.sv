# ROI divides by the total cost: costs of zero are refused where they are written.
model free
  gain sales from 10M to 10.5M
  cost project 0
  cost licenses 0 per month
end
roi free
