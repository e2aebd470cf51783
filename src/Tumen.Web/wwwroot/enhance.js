// Progressive enhancement only: every page works without this file.
// Forms marked data-confirm ask before they are sent (disabling an account, resetting a phone).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
