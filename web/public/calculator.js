// A plain calculator: the page the quick exit leaves for. Arithmetic only, no eval, nothing sent.
(() => {
  const display = document.getElementById('display');
  let text = '';

  /** Evaluates + - * / and brackets by recursive descent; null when the expression is not finished. */
  function evaluate(source) {
    const tokens = source.match(/\d+(?:\.\d*)?|\.\d+|[-+*/()]/g) ?? [];
    let at = 0;
    const peek = () => tokens[at];
    const next = () => tokens[at++];
    function factor() {
      const token = next();
      if (token === '-') return -factor();
      if (token === '(') {
        const value = sum();
        if (next() !== ')') throw new Error('bracket');
        return value;
      }
      const value = Number(token);
      if (token === undefined || Number.isNaN(value)) throw new Error('number');
      return value;
    }
    function product() {
      let value = factor();
      while (peek() === '*' || peek() === '/') value = next() === '*' ? value * factor() : value / factor();
      return value;
    }
    function sum() {
      let value = product();
      while (peek() === '+' || peek() === '-') value = next() === '+' ? value + product() : value - product();
      return value;
    }
    try {
      const value = sum();
      return at === tokens.length && Number.isFinite(value) ? value : null;
    } catch {
      return null;
    }
  }

  function press(key) {
    if (key === 'C') text = '';
    else if (key === '=') {
      const value = evaluate(text);
      text = value === null ? text : String(Math.round(value * 1e10) / 1e10);
    } else if (text.length < 40) text += key;
    display.textContent = text || '0';
  }

  for (const button of document.querySelectorAll('[data-key]')) {
    button.addEventListener('click', () => press(button.dataset.key));
  }
  document.addEventListener('keydown', (event) => {
    if (/^[0-9.+\-*/()]$/.test(event.key)) press(event.key);
    else if (event.key === 'Enter' || event.key === '=') press('=');
    else if (event.key === 'Escape' || event.key === 'Backspace') press('C');
  });
})();
