using Platform.Gateway.Edge;
using Platform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddEdge();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddTransforms(EdgeExtensions.StripClientIdentityHeaders);

var app = builder.Build();
app.UseServiceDefaults(edge => edge.UseEdge(), mapOpenApi: false);
app.MapApiDocs();
app.MapUnknownApiPaths();
app.MapReverseProxy();
app.Run();

