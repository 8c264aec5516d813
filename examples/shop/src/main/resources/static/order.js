// shows the operator's callbacks and the state as they arrive, without a reload
(function () {
  var order = document.body.dataset.order;
  var events = document.getElementById('events');
  var state = document.getElementById('state');
  var leaving = false;
  function refresh() {
    fetch('/orders/' + encodeURIComponent(order) + '/state', {headers: {'Accept': 'application/json'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('order state: HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (view) {
        state.textContent = view.state;
        if (events.children.length !== view.events.length) {
          events.replaceChildren();
          view.events.forEach(function (event) {
            var item = document.createElement('li');
            item.textContent = event;
            events.appendChild(item);
          });
        }
      })
      .catch(function (error) {
        if (!leaving) {
          console.error(error);
        }
      });
  }
  var timer = setInterval(refresh, 500);
  // a poll cut short by leaving the page is not an error
  window.addEventListener('pagehide', function () {
    leaving = true;
    clearInterval(timer);
  });
})();
