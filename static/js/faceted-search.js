/* Progressive enhancement of the faceted search form (no framework).
 * Without JavaScript the form is a plain GET form. With it, ticking a facet, changing the sort or
 * following a chip or pagination link fetches the same URL, swaps the filters and results in place,
 * keeps the address bar in sync (back and forward work) and announces the new result count. */
(function () {
  "use strict";
  var form = document.querySelector("[data-faceted-form]");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState || !window.AbortController) {
    return;
  }
  document.documentElement.classList.add("js-faceted");
  var status = document.querySelector("[data-search-status]");
  var pending = null;

  function withoutHash(url) {
    return url.split("#")[0];
  }

  function tidy(url) {
    // "Clear all" links to "?": keep the address bar free of a dangling "?".
    return withoutHash(url).replace(/\?$/, "");
  }

  var shown = tidy(window.location.href); // the URL whose results are on screen

  // On narrow screens the filters fold away behind a "Filters (n)" button (see portal.css). The button
  // is outside the swapped parts, so it keeps its state; its count follows the ticked filters.
  var toggle = form.querySelector("[data-facets-toggle]");

  function syncToggle() {
    if (!toggle) {
      return;
    }
    var facets = form.querySelector("[data-search-facets]");
    toggle.hidden = !(facets && facets.querySelector("fieldset"));
    var ticked = facets ? facets.querySelectorAll("input[type=checkbox]:checked").length : 0;
    var count = toggle.querySelector("[data-facets-toggle-count]");
    if (count) {
      count.textContent = ticked ? " (" + ticked + ")" : "";
    }
  }

  if (toggle) {
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded", String(toggle.getAttribute("aria-expanded") !== "true"));
    });
    syncToggle();
  }

  function formUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") {
        params.append(key, value);
      }
    });
    var query = params.toString();
    return form.action.split("?")[0] + (query ? "?" + query : "");
  }

  function swap(selector, fresh) {
    var current = form.querySelector(selector);
    if (current && fresh) {
      current.replaceWith(fresh);
    }
  }

  // "n more" disclosures the user opened stay open when the facets are replaced.
  function disclosureKey(details) {
    var input = details.querySelector("input[name]");
    return input ? input.name : "";
  }

  function openDisclosures() {
    var open = {};
    form.querySelectorAll("[data-search-facets] details[open]").forEach(function (details) {
      open[disclosureKey(details)] = true;
    });
    return open;
  }

  function restoreDisclosures(open) {
    form.querySelectorAll("[data-search-facets] details").forEach(function (details) {
      if (open[disclosureKey(details)]) {
        details.open = true;
      }
    });
  }

  function swappedParts() {
    return [form.querySelector("[data-search-facets]"), form.querySelector("[data-search-region]")];
  }

  // Put focus back where it was, or, when that element is gone (a chip, a pagination link), on the
  // new result count (or error), so keyboard and screen reader users go on from the new results.
  function restoreFocus(focus, scroll) {
    if (!focus) {
      return;
    }
    var again = focus.id && document.getElementById(focus.id);
    if (again && !again.closest("details:not([open])")) {
      again.focus({ preventScroll: true });
      return;
    }
    var target =
      form.querySelector("[data-result-count]") ||
      form.querySelector("[data-search-region] [role=alert]") ||
      form.querySelector("[data-search-region]");
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: !scroll });
    }
  }

  function load(url, push, options) {
    options = options || {};
    url = tidy(url);
    if (pending) {
      pending.abort();
    }
    var controller = new AbortController();
    pending = controller;
    form.querySelector("[data-search-region]").setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "text/html" }, signal: controller.signal, credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var freshForm = doc.querySelector("[data-faceted-form]");
        if (!freshForm) {
          window.location.assign(url);
          return false;
        }
        // Only move focus if it was in what is replaced (the user may have moved on meanwhile).
        var active = document.activeElement;
        var focus = null;
        if (
          active &&
          swappedParts().some(function (part) {
            return part && part.contains(active);
          })
        ) {
          focus = { id: active.id };
        }
        var open = openDisclosures();
        swap("[data-search-facets]", freshForm.querySelector("[data-search-facets]"));
        swap("[data-search-region]", freshForm.querySelector("[data-search-region]"));
        restoreDisclosures(open);
        syncToggle();
        if (push) {
          window.history.pushState({ faceted: true }, "", url);
        }
        shown = url;
        document.title = doc.title;
        var region = form.querySelector("[data-search-region]");
        if (options.scroll && region) {
          region.scrollIntoView({ block: "start" });
        }
        restoreFocus(focus, false);
        if (status) {
          var count = form.querySelector("[data-result-count]") || form.querySelector("[data-search-region] [role=alert]");
          status.textContent = count ? count.textContent.replace(/\s+/g, " ").trim() : "";
        }
        return true;
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.assign(url);
        }
        return false;
      })
      .finally(function () {
        if (pending === controller) {
          pending = null;
        }
      });
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) {
      load(formUrl(), true);
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(formUrl(), true);
  });

  form.addEventListener("click", function (event) {
    var link = event.target.closest("[data-search-region] a[data-search-link], [data-search-region] .pagination a");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    load(link.href, true, { scroll: Boolean(link.closest(".pagination")) });
  });

  window.addEventListener("popstate", function () {
    // A fragment change (the skip link, an in-page anchor) also fires popstate: the results are the same.
    if (tidy(window.location.href) === shown) {
      return;
    }
    load(window.location.href, false);
  });
})();
