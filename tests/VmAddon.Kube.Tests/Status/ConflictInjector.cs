using System.Net;

namespace VmAddon.Kube.Tests.Status;

/// <summary>Answers every status write with 409 Conflict, and counts them.</summary>
internal sealed class ConflictInjector : DelegatingHandler
{
    public int StatusWrites;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.EndsWith("/status", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref StatusWrites);
            return new HttpResponseMessage(HttpStatusCode.Conflict)
            {
                Content = new StringContent("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409}"""),
            };
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
