using Portal.SyncClient;
using Portal.SyncClient.Hosting;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

return await PortalSyncApp.RunAsync(args, ClientEnvironment.FromProcess(), stop.Token);
