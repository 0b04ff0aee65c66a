using Personnel.Api.Extensions;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(PersonnelModule.Name);
builder.AddPersonnel();
builder.AddPlatformBus();

var app = builder.Build();
// Sign-ins are throttled by client address: behind the gateway, its X-Forwarded-For, believed from these proxies only.
app.UseTrustedProxies(app.Configuration.GetSection("Edge:TrustedProxies").Get<string[]>());
app.UseServiceDefaults();
app.MapPersonnelApi();
app.Run();
