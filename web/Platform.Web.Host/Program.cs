using Platform.ServiceDefaults.Hosting;
using Platform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("web");
builder.AddWebApp();

var app = builder.Build();
// Behind the gateway, the citizen's address comes in X-Forwarded-For from the gateway (Edge:TrustedProxies); the web
// app passes it on to the API, whose rate limits are per client address.
app.UseServiceDefaults(web => web.UseTrustedProxies(app.Configuration.GetSection("Edge:TrustedProxies").Get<string[]>()).UseWebApp(), mapOpenApi: false);
app.MapWebApp();
app.Run();
