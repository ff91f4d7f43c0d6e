using System.Net;

namespace VmAddon.Kube.Tests.Leadership;

/// <summary>Fails every Lease request with 503 while <see cref="Down"/> is set, as an unreachable API server would.</summary>
internal sealed class LeaseOutage : DelegatingHandler
{
    public volatile bool Down;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Down && request.RequestUri!.AbsolutePath.Contains("/leases", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                Content = new StringContent("""{"kind":"Status","apiVersion":"v1","status":"Failure","code":503}"""),
            };
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
