using System.Text.Json.Nodes;
using VmAddon.DevCluster.Protobuf;

namespace VmAddon.DevCluster.Tests.Protobuf;

/// <summary>
/// A pod with the nested types kubectl's generators never fill in (env sources, resources, volumes, probes,
/// security contexts, tolerations), hand-encoded the way gogo-protobuf writes them: zero-valued non-pointer fields included.
/// </summary>
public sealed class PodDecodingTests
{
    [Fact]
    public void Decode_Gives_The_Json_Go_Would_Write_For_A_Full_Pod()
    {
        var decoded = KubeProtobuf.Decode(ProtoWriter.Envelope("v1", "Pod", Pod()));

        var expected = JsonNode.Parse(ExpectedPod)!;
        JsonNode.DeepEquals(decoded, expected).Should().BeTrue($"decoded:\n{decoded}");
    }

    [Fact]
    public void Pointer_Fields_Keep_Explicit_Zero_Values()
    {
        var decoded = KubeProtobuf.Decode(ProtoWriter.Envelope("v1", "Pod", Pod()));

        decoded["spec"]!["terminationGracePeriodSeconds"]!.GetValue<long>().Should().Be(0);
        decoded["spec"]!["enableServiceLinks"]!.GetValue<bool>().Should().BeFalse();
        decoded["spec"]!["containers"]![0]!["securityContext"]!["privileged"]!.GetValue<bool>().Should().BeFalse();
        decoded["spec"]!.AsObject().ContainsKey("hostNetwork").Should().BeFalse("hostNetwork is a plain bool tagged omitempty");
    }

    [Fact]
    public void Packed_And_Unpacked_Repeated_Integers_Decode_Alike()
    {
        static JsonNode? Groups(Action<ProtoWriter> securityContext)
        {
            var pod = new ProtoWriter().Message(2, spec => spec.Message(14, securityContext));
            return KubeProtobuf.Decode(ProtoWriter.Envelope("v1", "Pod", pod))["spec"]!["securityContext"]!["supplementalGroups"];
        }

        var packed = Groups(s => s.Packed(4, 1, 2, 3));
        var unpacked = Groups(s => s.Varint(4, 1).Varint(4, 2).Varint(4, 3));

        packed!.ToJsonString().Should().Be("[1,2,3]");
        unpacked!.ToJsonString().Should().Be("[1,2,3]");
    }

    private static ProtoWriter Pod() => new ProtoWriter()
        .Message(1, m => m.String(1, "web").String(3, "default").MapEntry(11, "app", "web"))
        .Message(2, spec => spec
            .Message(1, v => v.String(1, "cache").Message(2, s => s.Message(2, e => e.String(1, string.Empty).Message(2, q => q.String(1, "1Gi")))))
            .Message(1, v => v.String(1, "config").Message(2, s => s.Message(19, c => c
                .Message(1, r => r.String(1, "app-config"))
                .Message(2, i => i.String(1, "a").String(2, "a.txt").Varint(3, 420))
                .Varint(3, 420))))
            .Message(1, v => v.String(1, "creds").Message(2, s => s.Message(6, c => c.String(1, "db").Bool(4, false))))
            .Message(1, v => v.String(1, "host").Message(2, s => s.Message(1, h => h.String(1, "/var/log").String(2, "Directory"))))
            .Message(2, Container)
            .String(3, "Always")
            .Varint(4, 0)
            .String(6, "ClusterFirst")
            .MapEntry(7, "disk", "ssd")
            .String(8, "web")
            .String(9, string.Empty)
            .String(10, string.Empty)
            .Bool(11, false)
            .Bool(12, false)
            .Bool(13, false)
            .Message(14, s => s.Packed(4, 1, 2).Varint(5, 2000).Message(10, p => p.String(1, "RuntimeDefault")))
            .Message(22, t => t.String(1, "node.kubernetes.io/not-ready").String(2, "Exists").String(3, string.Empty).String(4, "NoExecute").Varint(5, 300))
            .Bool(30, false))
        .Message(3, status => status.String(1, string.Empty).String(3, string.Empty));

    private static void Container(ProtoWriter c) => c
        .String(1, "app")
        .String(2, "nginx:1.27")
        .String(3, "nginx")
        .String(4, "-g")
        .String(4, "daemon off;")
        .String(5, string.Empty)
        .Message(6, p => p.String(1, "http").Varint(2, 0).Varint(3, 8080).String(4, "TCP").String(5, string.Empty))
        .Message(7, e => e.String(1, "A").String(2, "B"))
        .Message(7, e => e.String(1, "POD").String(2, string.Empty).Message(3, s => s.Message(1, f => f.String(1, "v1").String(2, "metadata.name"))))
        .Message(7, e => e.String(1, "PW").String(2, string.Empty).Message(3, s => s.Message(4, k => k.Message(1, r => r.String(1, "db")).String(2, "password"))))
        .Message(7, e => e.String(1, "CPU").String(2, string.Empty).Message(3, s => s.Message(2, r => r.String(1, string.Empty).String(2, "limits.cpu").Message(3, _ => { }))))
        .Message(8, r => r
            .Message(1, e => e.String(1, "cpu").Message(2, q => q.String(1, "500m")))
            .Message(1, e => e.String(1, "memory").Message(2, q => q.String(1, "128Mi")))
            .Message(2, e => e.String(1, "cpu").Message(2, q => q.String(1, "250m"))))
        .Message(9, m => m.String(1, "config").Bool(2, true).String(3, "/etc/app").String(4, string.Empty).String(6, string.Empty))
        .Message(9, m => m.String(1, "cache").Bool(2, false).String(3, "/cache").String(4, string.Empty).String(6, string.Empty))
        .Message(10, p => p
            .Message(1, h => h.Message(2, g => g.String(1, "/healthz").Message(2, port => port.Varint(1, 1).Varint(2, 0).String(3, "http")).String(3, string.Empty).String(4, string.Empty)))
            .Varint(2, 5).Varint(3, 0).Varint(4, 10).Varint(5, 0).Varint(6, 0))
        .Message(11, p => p
            .Message(1, h => h.Message(3, t => t.Message(1, port => port.Varint(1, 0).Varint(2, 8080).String(3, string.Empty)).String(2, string.Empty)))
            .Varint(2, 0).Varint(3, 0).Varint(4, 0).Varint(5, 0).Varint(6, 0))
        .String(13, "/dev/termination-log")
        .String(14, "IfNotPresent")
        .Message(15, s => s.Message(1, cap => cap.String(2, "ALL")).Bool(2, false).Varint(4, 1000).Bool(5, true).Bool(7, false))
        .Bool(16, false)
        .Bool(17, false)
        .Bool(18, false)
        .String(20, string.Empty);

    private const string ExpectedPod = """
        {
          "kind": "Pod",
          "apiVersion": "v1",
          "metadata": { "name": "web", "namespace": "default", "creationTimestamp": null, "labels": { "app": "web" } },
          "spec": {
            "volumes": [
              { "name": "cache", "emptyDir": { "sizeLimit": "1Gi" } },
              { "name": "config", "configMap": { "name": "app-config", "items": [ { "key": "a", "path": "a.txt", "mode": 420 } ], "defaultMode": 420 } },
              { "name": "creds", "secret": { "secretName": "db", "optional": false } },
              { "name": "host", "hostPath": { "path": "/var/log", "type": "Directory" } }
            ],
            "containers": [
              {
                "name": "app",
                "image": "nginx:1.27",
                "command": [ "nginx" ],
                "args": [ "-g", "daemon off;" ],
                "ports": [ { "name": "http", "containerPort": 8080, "protocol": "TCP" } ],
                "env": [
                  { "name": "A", "value": "B" },
                  { "name": "POD", "valueFrom": { "fieldRef": { "apiVersion": "v1", "fieldPath": "metadata.name" } } },
                  { "name": "PW", "valueFrom": { "secretKeyRef": { "name": "db", "key": "password" } } },
                  { "name": "CPU", "valueFrom": { "resourceFieldRef": { "resource": "limits.cpu", "divisor": "0" } } }
                ],
                "resources": { "limits": { "cpu": "500m", "memory": "128Mi" }, "requests": { "cpu": "250m" } },
                "volumeMounts": [ { "name": "config", "readOnly": true, "mountPath": "/etc/app" }, { "name": "cache", "mountPath": "/cache" } ],
                "livenessProbe": { "httpGet": { "path": "/healthz", "port": "http" }, "initialDelaySeconds": 5, "periodSeconds": 10 },
                "readinessProbe": { "tcpSocket": { "port": 8080 } },
                "terminationMessagePath": "/dev/termination-log",
                "imagePullPolicy": "IfNotPresent",
                "securityContext": { "capabilities": { "drop": [ "ALL" ] }, "privileged": false, "runAsUser": 1000, "runAsNonRoot": true, "allowPrivilegeEscalation": false }
              }
            ],
            "restartPolicy": "Always",
            "terminationGracePeriodSeconds": 0,
            "dnsPolicy": "ClusterFirst",
            "nodeSelector": { "disk": "ssd" },
            "serviceAccountName": "web",
            "securityContext": { "supplementalGroups": [ 1, 2 ], "fsGroup": 2000, "seccompProfile": { "type": "RuntimeDefault" } },
            "tolerations": [ { "key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300 } ],
            "enableServiceLinks": false
          },
          "status": {}
        }
        """;
}
