// "Copy" buttons beside text to copy (the attribution of a dataset): shown only when the browser
// can copy; the text stays selectable in its field without them.
(function () {
  'use strict';
  if (!navigator.clipboard) return;
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.value || source.textContent).then(function () {
        button.textContent = 'Copied';
      });
    });
  });
})();
