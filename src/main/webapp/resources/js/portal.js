// The phone menu: one button shows and hides the navigation, and says so to screen readers.
document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.querySelector(".menu-toggle");
    var nav = document.getElementById("site-nav");
    if (!toggle || !nav) {
        return;
    }
    toggle.addEventListener("click", function () {
        var open = nav.classList.toggle("open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
});

// Staff's menu: a button opens and folds its links; Escape or a click elsewhere folds them again.
document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("staff-toggle");
    var links = document.getElementById("staff-links");
    if (!toggle || !links) {
        return;
    }
    function show(open) {
        links.hidden = !open;
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    toggle.addEventListener("click", function () {
        show(links.hidden);
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !links.hidden) {
            show(false);
            toggle.focus();
        }
    });
    document.addEventListener("click", function (event) {
        if (!toggle.parentNode.contains(event.target)) {
            show(false);
        }
    });
});

// Search: "/" jumps to the search box, titles are suggested while typing, arrow keys walk the results, and a
// facet checkbox applies at once (the "Apply filters" button stays for those without scripts).
document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("topbar-q");
    var list = document.getElementById("search-suggestions");
    document.addEventListener("keydown", function (event) {
        var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
        if (event.key === "/" && !typing && box) {
            event.preventDefault();
            var field = document.getElementById("search-q") || box;
            if (field.offsetParent === null) {
                // The top bar's box gives way on mid-sized screens: the search page has a box of its own.
                window.location.href = box.form.action;
            } else {
                field.focus();
            }
        }
        if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !typing) {
            var links = Array.prototype.slice.call(document.querySelectorAll(".hit-title"));
            if (links.length === 0) {
                return;
            }
            event.preventDefault();
            var at = links.indexOf(document.activeElement);
            var next = event.key === "ArrowDown" ? Math.min(links.length - 1, at + 1) : Math.max(0, at - 1);
            links[next].focus();
        }
    });
    document.querySelectorAll("form[data-autosubmit] input[type=checkbox]").forEach(function (checkbox) {
        checkbox.addEventListener("change", function () {
            checkbox.form.submit();
        });
    });
    if (!list) {
        return;
    }
    var timer = null;
    document.querySelectorAll("input[list=search-suggestions]").forEach(function (input) {
        input.addEventListener("input", function () {
            clearTimeout(timer);
            var typed = input.value.trim();
            if (typed.length < 2) {
                return;
            }
            timer = setTimeout(function () {
                fetch("/api/search/suggest?q=" + encodeURIComponent(typed), {credentials: "same-origin"})
                    .then(function (response) { return response.ok ? response.json() : []; })
                    .then(function (suggestions) {
                        list.replaceChildren.apply(list, suggestions.map(function (s) {
                            var option = document.createElement("option");
                            option.value = s.title;
                            return option;
                        }));
                    })
                    .catch(function () { /* Suggestions are a convenience; typing goes on without them. */ });
            }, 150);
        });
    });
});
