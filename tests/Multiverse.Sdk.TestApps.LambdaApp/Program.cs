using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.TestApps.LambdaApp;

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.AddMultiverse().AddLambdaHosting();

WebApplication app = builder.Build();
LambdaAppEndpoints.Map(app);
app.Run();
