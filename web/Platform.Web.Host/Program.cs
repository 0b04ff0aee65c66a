using Platform.ServiceDefaults.Hosting;
using Platform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("web");
builder.AddWebApp();

var app = builder.Build();
app.UseServiceDefaults(web => web.UseWebApp(), mapOpenApi: false);
app.MapWebApp();
app.Run();
