using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Polly;
using Polly.Retry;
using VmAddon.Kube.Clients;

namespace VmAddon.Kube.Status;

/// <summary>
/// Writes status through the status subresource, only when the computed status differs from the current one,
/// and on 409 Conflict re-reads the object and re-applies the status function (bounded, with Polly).
/// </summary>
public sealed class StatusUpdater<T, TStatus>
    where T : class, IKubernetesObject<V1ObjectMeta>, IStatus<TStatus?>
    where TStatus : class
{
    private readonly CustomResourceClient<T> _client;
    private readonly ResiliencePipeline _pipeline;

    public StatusUpdater(CustomResourceClient<T> client, StatusUpdaterOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new StatusUpdaterOptions();
        _client = client;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        _pipeline = builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpOperationException>(e => e.Response.StatusCode == HttpStatusCode.Conflict),
            MaxRetryAttempts = options.MaxRetries,
            Delay = options.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        }).Build();
    }

    /// <summary>
    /// Computes the status from <paramref name="cached"/> (never mutated) and writes it when it changed.
    /// A conflict re-reads the object and computes again from the fresh copy; after the retries the 409 propagates.
    /// </summary>
    public async Task<StatusUpdateResult<T>> UpdateAsync(T cached, Func<T, TStatus?> computeStatus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cached);
        ArgumentNullException.ThrowIfNull(computeStatus);
        var ns = cached.Metadata.NamespaceProperty;
        var name = cached.Metadata.Name;
        var current = cached;
        var writes = 0;
        return await _pipeline.ExecuteAsync(async ct =>
        {
            if (writes > 0)
            {
                current = await _client.GetAsync(ns, name, ct).ConfigureAwait(false);
                if (current is null)
                {
                    return new StatusUpdateResult<T>(StatusUpdateOutcome.NotFound, null, writes);
                }
            }

            var status = computeStatus(current);
            if (Canonical(status) == Canonical(current.Status))
            {
                return new StatusUpdateResult<T>(StatusUpdateOutcome.Unchanged, current, writes);
            }

            // A deep copy, so the cache's object is never touched.
            var copy = KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(current));
            copy.Status = status;
            writes++;
            try
            {
                var updated = await _client.UpdateStatusAsync(copy, ct).ConfigureAwait(false);
                return new StatusUpdateResult<T>(StatusUpdateOutcome.Updated, updated, writes);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return new StatusUpdateResult<T>(StatusUpdateOutcome.NotFound, null, writes);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    // Records compare lists by reference, so equality is judged on the JSON the server would see.
    private static string Canonical(TStatus? status) => status is null ? "null" : KubernetesJson.Serialize(status);
}
