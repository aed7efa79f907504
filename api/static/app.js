// thidua web page: a little progressive enhancement, nothing required to use the page.
// Facet links work as plain links (server-rendered drill-down); this only keeps the scroll
// position of the facet sidebar across clicks so a long list does not jump back to the top.
(function () {
  var box = document.getElementById("facets");
  if (!box) return;
  var key = "thidua-facets-scroll";
  try {
    var saved = JSON.parse(sessionStorage.getItem(key) || "{}");
    box.querySelectorAll(".facet ul").forEach(function (ul, i) { if (saved[i]) ul.scrollTop = saved[i]; });
    box.addEventListener("click", function () {
      var pos = {};
      box.querySelectorAll(".facet ul").forEach(function (ul, i) { pos[i] = ul.scrollTop; });
      sessionStorage.setItem(key, JSON.stringify(pos));
    });
  } catch (e) { /* storage may be disabled: the page works without it */ }
})();
