using Feedback.Api.Extensions;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(FeedbackModule.Name);
builder.AddFeedback();
builder.AddPlatformBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapFeedbackApi();
app.Run();
