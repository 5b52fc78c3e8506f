// Mark the page as supported by GOV.UK Frontend's JavaScript (an inline script in the
// GOV.UK template; a file here because our Content Security Policy forbids inline code).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
