// The printed forms' "In" button (data-print): wired here, since the pages' content policy allows no inline handler.
// One listener on the document, so it also serves forms reached by enhanced navigation.
document.addEventListener('click', function (event) {
  if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});
