using System.Text;
using VmAddon.DevCluster.Kubelet;

namespace VmAddon.DevCluster.Tests.Kubelet;

public sealed class ChannelProtocolTests
{
    [Fact]
    public void The_clients_first_served_protocol_wins_and_no_protocol_means_v1()
    {
        ChannelProtocol.Negotiate(["v6.channel.k8s.io", "v4.channel.k8s.io", "v5.channel.k8s.io"])!.Name.Should().Be("v4.channel.k8s.io");
        ChannelProtocol.Negotiate(["v5.channel.k8s.io"]).Should().Be(ChannelProtocol.V5);
        ChannelProtocol.Negotiate([])!.Name.Should().BeEmpty();
        ChannelProtocol.Negotiate(["SPDY/3.1"]).Should().BeNull();
    }

    [Fact]
    public void Binary_frames_start_with_the_channel_byte()
    {
        ChannelProtocol.V5.Frame(ChannelProtocol.Stdout, "hi"u8).Should().Equal(1, (byte)'h', (byte)'i');
        ChannelProtocol.V5.TryRead([0, (byte)'x'], out var channel, out var data).Should().BeTrue();
        channel.Should().Be(ChannelProtocol.Stdin);
        data.Should().Equal((byte)'x');
        ChannelProtocol.V5.TryRead([255, 0], out channel, out data).Should().BeTrue();
        (channel, data[0]).Should().Be((ChannelProtocol.Close, ChannelProtocol.Stdin));
    }

    [Fact]
    public void Base64_frames_carry_the_channel_as_a_digit()
    {
        var base64 = ChannelProtocol.Negotiate(["v4.base64.channel.k8s.io"])!;

        Encoding.ASCII.GetString(base64.Frame(ChannelProtocol.Stderr, "foo\n"u8)).Should().Be("2Zm9vCg==");
        base64.TryRead("0Zm9vCg=="u8, out var channel, out var data).Should().BeTrue();
        channel.Should().Be(ChannelProtocol.Stdin);
        Encoding.ASCII.GetString(data).Should().Be("foo\n");
        base64.TryRead("0!!"u8, out _, out _).Should().BeFalse();
    }

    [Fact]
    public void Resize_messages_are_read_across_and_within_frames()
    {
        var decoder = new TerminalSizeDecoder();

        decoder.Add("{\"Width\":100,"u8).Should().BeEmpty();
        decoder.Add("\"Height\":30}\n{\"width\":80,\"height\":24}"u8).Should().Equal(((ushort)100, (ushort)30), ((ushort)80, (ushort)24));
        decoder.Add("\n"u8).Should().BeEmpty();
    }

    [Fact]
    public void The_exit_status_is_a_kube_Status_from_v4_and_plain_text_before()
    {
        var v4 = ChannelProtocol.Negotiate(["v4.channel.k8s.io"])!;
        var v1 = ChannelProtocol.Negotiate(["channel.k8s.io"])!;

        Encoding.UTF8.GetString(ExecStatus.Success().Encode(v4)!).Should().Be("""{"metadata":{},"status":"Success"}""");
        ExecStatus.Success().Encode(v1).Should().BeNull();
        Encoding.UTF8.GetString(ExecStatus.ExitCode(3, ["sh", "-c", "exit 3"]).Encode(ChannelProtocol.V5)!).Should().Be(
            """{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}""");
        Encoding.UTF8.GetString(ExecStatus.InternalError("no such container").Encode(v1)!).Should()
            .Be("Internal error occurred: error executing command in container: no such container");
    }
}
