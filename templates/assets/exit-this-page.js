// Exit this page: leaves at once for a neutral site, replacing this page in the
// browser history so that Back does not return to it. Works from the button
// and from pressing Shift three times within two seconds.
(function () {
  "use strict";
  var box = document.querySelector(".exit-this-page");
  if (!box) return;
  var target = box.getAttribute("data-exit-url");
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(target);
  }
  var button = box.querySelector(".exit-this-page__button");
  if (button) button.addEventListener("click", leave);
  var presses = 0, timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 2000);
    if (presses >= 3) leave();
  });
})();
