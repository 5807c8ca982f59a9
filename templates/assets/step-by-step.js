// Step by step: without this script every step is open. With it, each step's
// heading becomes a button that shows or hides the step, "Show all steps"
// opens or closes them all, and which steps are open is remembered for this
// page in sessionStorage (no cookies), as GOV.UK's step-by-step navigation does.
(function () {
  "use strict";
  var nav = document.querySelector("[data-step-nav]");
  if (!nav || !("hidden" in nav)) return;
  var key = "step-nav:" + window.location.pathname;
  // Steps with only a title have no panel, and so no button.
  var steps = Array.prototype.slice.call(nav.querySelectorAll("[data-step]")).filter(function (step) {
    return step.querySelector("[data-step-panel]") !== null;
  });
  if (steps.length === 0) return;

  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(key) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (e) {
      return [];  // storage blocked or unreadable: start with every step closed
    }
  }
  function save() {
    var open = steps.filter(isOpen).map(function (step) { return step.id; });
    try { window.sessionStorage.setItem(key, JSON.stringify(open)); } catch (e) { /* not remembered */ }
  }

  function button(step) { return step.querySelector(".step-nav__button"); }
  function isOpen(step) { return button(step).getAttribute("aria-expanded") === "true"; }
  function setOpen(step, open) {
    var b = button(step);
    b.setAttribute("aria-expanded", open ? "true" : "false");
    b.querySelector(".step-nav__toggle-text").textContent = open ? "Hide" : "Show";
    step.querySelector("[data-step-panel]").hidden = !open;
    step.classList.toggle("step-nav__step--open", open);
  }

  var all = document.createElement("button");
  all.type = "button";
  all.className = "step-nav__show-all";
  all.setAttribute("aria-expanded", "false");
  var controls = document.createElement("div");
  controls.className = "step-nav__controls";
  controls.appendChild(all);
  nav.insertBefore(controls, nav.firstChild);
  function updateAll() {
    var everyOpen = steps.every(isOpen);
    all.setAttribute("aria-expanded", everyOpen ? "true" : "false");
    all.textContent = everyOpen ? "Hide all steps" : "Show all steps";
  }

  var saved = load();
  var target = window.location.hash.slice(1);
  steps.forEach(function (step) {
    var title = step.querySelector("[data-step-title]");
    var panel = step.querySelector("[data-step-panel]");
    var b = document.createElement("button");
    b.type = "button";
    b.className = "step-nav__button";
    b.setAttribute("aria-controls", panel.id);
    title.parentNode.insertBefore(b, title);
    b.appendChild(title);
    var toggle = document.createElement("span");
    toggle.className = "step-nav__toggle";
    var toggleText = document.createElement("span");
    toggleText.className = "step-nav__toggle-text";
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " this step";
    toggle.appendChild(toggleText);
    toggle.appendChild(hidden);
    b.appendChild(toggle);
    setOpen(step, saved.indexOf(step.id) !== -1 || step.id === target);
    b.addEventListener("click", function () {
      setOpen(step, !isOpen(step));
      updateAll();
      save();
    });
  });
  all.addEventListener("click", function () {
    var open = !steps.every(isOpen);
    steps.forEach(function (step) { setOpen(step, open); });
    updateAll();
    save();
  });
  updateAll();
  nav.classList.add("step-nav--js");
})();
