// Progressive enhancement only: pages work without this file.
// Moves focus to the error summary of a form that came back with errors, so screen readers announce it.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('[data-error-summary]');
  if (summary instanceof HTMLElement) summary.focus();
});
