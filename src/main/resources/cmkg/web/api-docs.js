// Swagger UI on /api-docs: the OpenAPI description of this server's JSON routes, tried against this
// same server. swagger-ui-bundle.js (from the WebJar, served by this server) defines SwaggerUIBundle.
const root = document.getElementById('swagger-ui');
window.SwaggerUIBundle({
  url: root.dataset.spec,
  domNode: root,
  deepLinking: true,
  // No validator badge: it would send the description to another host.
  validatorUrl: null,
  tryItOutEnabled: true,
});
