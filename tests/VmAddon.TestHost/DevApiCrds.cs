using k8s;
using k8s.Models;

namespace VmAddon.TestHost;

/// <summary>Applies this repository's CRDs (crds/*.yaml) to an API server and waits until they are Established.</summary>
public static class DevApiCrds
{
    public static async Task ApplyAsync(IKubernetes client)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "crds"), "*.yaml"))
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file)));
        }

        await Eventually.UntilAsync(async () => (await client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items
            .All(crd => crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true), "the CRDs to be Established");
    }
}
