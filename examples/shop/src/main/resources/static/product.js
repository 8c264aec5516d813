// fills in the number the chosen operator's simulator accepts (demo only)
(function () {
  var select = document.getElementById('provider');
  var msisdn = document.getElementById('msisdn');
  function suggest() {
    var option = select.options[select.selectedIndex];
    if (option && option.dataset.sample) {
      msisdn.placeholder = option.dataset.sample;
      msisdn.value = option.dataset.sample;
    }
  }
  select.addEventListener('change', suggest);
  suggest();
})();
