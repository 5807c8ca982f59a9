// Exit this page, as the GOV.UK Design System's component behaves: the button
// (and the hidden "Exit this page" link after the skip link) and pressing
// Shift 3 times in a row, with less than 5 seconds between presses, leave at
// once for the neutral site in site.yaml. The page is blanked with a
// "Loading." overlay first, and it is replaced in the browser's history so
// that Back does not return to it. Without JavaScript the button is a plain
// link that still leaves.
(function () {
  "use strict";
  var box = document.querySelector(".exit-this-page");
  if (!box) return;
  var button = box.querySelector(".exit-this-page__button");
  var target = box.getAttribute("data-exit-url");
  var presses = 0;
  var lastKeyHadShift = false;
  var resetTimer = null;
  var clearTimer = null;
  var overlay = null;

  // Announces key presses to screen readers.
  var status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  box.appendChild(status);

  // Three dots under the button that fill in as Shift is pressed.
  var indicator = document.createElement("span");
  indicator.className = "exit-this-page__indicator";
  indicator.setAttribute("aria-hidden", "true");
  for (var i = 0; i < 3; i++) indicator.appendChild(document.createElement("span"));
  button.appendChild(indicator);

  function showPresses() {
    indicator.classList.toggle("exit-this-page__indicator--visible", presses > 0);
    for (var i = 0; i < 3; i++) indicator.children[i].classList.toggle("is-on", i < presses);
  }

  function leave(event) {
    if (event) event.preventDefault();
    status.textContent = "";
    overlay = document.createElement("div");
    overlay.className = "exit-this-page-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    document.body.classList.add("exit-this-page-hide-content");
    // Set after the overlay is in the page, so that screen readers announce it.
    overlay.textContent = "Loading.";
    window.location.replace(target);
  }

  function resetPresses() {
    clearTimeout(resetTimer);
    resetTimer = null;
    presses = 0;
    showPresses();
    status.textContent = "Exit this page expired.";
    clearTimer = setTimeout(function () { status.textContent = ""; }, 5000);
  }

  button.addEventListener("click", leave);
  var secondary = document.querySelector(".exit-this-page-link");
  if (secondary) secondary.addEventListener("click", leave);

  // Shift counts only when pressed on its own: typing a capital letter sends a
  // keyup for the letter with shiftKey set, and then one for Shift, which is
  // not counted.
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastKeyHadShift) {
      presses += 1;
      showPresses();
      clearTimeout(clearTimer);
      if (presses >= 3) {
        clearTimeout(resetTimer);
        presses = 0;
        leave();
      } else {
        status.textContent = presses === 1 ? "Shift, press 2 more times to exit." : "Shift, press 1 more time to exit.";
        clearTimeout(resetTimer);
        resetTimer = setTimeout(resetPresses, 5000);
      }
    } else if (resetTimer) {
      resetPresses();
    }
    lastKeyHadShift = event.shiftKey;
  }, true);

  // A page brought back from the browser's cache must not stay blank.
  window.addEventListener("pageshow", function () {
    document.body.classList.remove("exit-this-page-hide-content");
    if (overlay) overlay.remove();
    overlay = null;
    presses = 0;
    showPresses();
    status.textContent = "";
  });

  var hint = document.querySelector(".exit-this-page__shift-hint");
  if (hint) hint.hidden = false;
})();
