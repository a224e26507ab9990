/**
 * Gives every control of an input form the form's label. Inputs.range ties its <label> to the number box only, so
 * without this the slider beside it has no accessible name.
 */
export function labelControls(form) {
  const label = form.querySelector("label")?.textContent ?? "";
  for (const input of form.querySelectorAll("input")) if (!input.labels?.length) input.setAttribute("aria-label", label);
  return form;
}
