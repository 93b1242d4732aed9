// The timeline's small enhancements: filters apply as soon as they change.
"use strict";

function submitOnChange(form) {
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", function () { form.requestSubmit(); });
  });
}

document.addEventListener("DOMContentLoaded", function () {
  const form = document.querySelector("form.filters");
  if (form) { submitOnChange(form); }
});
