using System.Runtime.InteropServices;
using Autograder.Tensors;
using Autograder.Tensors.Models;
using Onnx;

namespace Autograder.Data.Pretrained;

/// <summary>
/// Reads a ResNet of basic blocks from an ONNX graph (Conv, BatchNormalization, Relu, MaxPool, Add, AveragePool) into
/// <see cref="ResNet"/>'s torchvision names, by following the data flow: the stem is the convolution on the graph's input;
/// each Add ends a block, its inputs being the block's second batch norm and either the block's input or a 1×1
/// projection. The blocks per stage and the padding style are read from the graph, and every layer's shape, stride and
/// padding is checked against the module it fills.
/// </summary>
/// <remarks>The protobuf is parsed by OnnxSharp's generated classes (Google.Protobuf); nothing here reads bytes by hand.</remarks>
internal sealed class ResNetOnnx
{
    private readonly GraphProto _graph;
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly Dictionary<string, NodeProto> _producers;
    private readonly Dictionary<string, Tensor> _state = new(StringComparer.Ordinal);
    private readonly string _source;

    private ResNetOnnx(ModelProto model, string source)
    {
        _graph = model.Graph ?? throw new DataFormatException($"{source} holds no graph.");
        _source = source;
        _initializers = _graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _producers = _graph.Node.SelectMany(n => n.Output.Select(o => (o, n))).ToDictionary(p => p.o, p => p.n, StringComparer.Ordinal);
    }

    /// <summary>Reads the model file.</summary>
    public static ModelProto ReadModel(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return ModelProto.Parser.ParseFrom(stream);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new DataFormatException($"{path} is not an ONNX model ({e.Message}).", e);
        }
    }

    /// <summary>The network the graph describes, its weights loaded, in evaluation mode, with no final layer (it outputs the 512 features).</summary>
    public static ResNet Load(ModelProto model, string source)
    {
        var reader = new ResNetOnnx(model, source);
        var (blocks, padding) = reader.Map();
        var network = new ResNet(blocks, classes: 0, padding);
        network.LoadStateDict(reader._state);
        network.Eval();
        return network;
    }

    /// <summary>The initializer <paramref name="name"/> of a (preprocessing) graph as a float tensor.</summary>
    public static Tensor Initializer(ModelProto model, string name, string source) =>
        new ResNetOnnx(model, source).Weight(name);

    private (int[] Blocks, ResNetPadding Padding) Map()
    {
        var input = _graph.Input.Select(i => i.Name).First(n => !_initializers.ContainsKey(n));
        var stem = _graph.Node.FirstOrDefault(n => n.OpType == "Conv" && n.Input[0] == input)
            ?? throw Bad($"no convolution reads the graph's input '{input}'");
        var padding = Ints(stem, "pads") switch
        {
            [3, 3, 3, 3] => ResNetPadding.Symmetric,
            [3, 3, 2, 2] => ResNetPadding.MoreBefore,
            var p => throw Bad($"the stem convolution pads [{string.Join(", ", p)}]; expected [3, 3, 3, 3] or [3, 3, 2, 2]"),
        };
        Conv(stem, "conv1", 64, 3, 7, 2, padding);
        var bn1 = Consumer(stem, "BatchNormalization");
        BatchNorm(bn1, "bn1");
        var pool = Consumer(Consumer(bn1, "Relu"), "MaxPool");
        int[] poolPads = padding == ResNetPadding.MoreBefore ? [1, 1, 0, 0] : [1, 1, 1, 1];
        if (!Ints(pool, "kernel_shape").SequenceEqual([3, 3]) || !Ints(pool, "strides").SequenceEqual([2, 2]) || !Ints(pool, "pads").SequenceEqual(poolPads))
        {
            throw Bad($"the max pool ('{pool.Name}') is not 3×3, stride 2, pads [{string.Join(", ", poolPads)}]");
        }

        var blocks = new List<int>();
        var (stage, width) = (-1, 0);
        foreach (var add in _graph.Node.Where(n => n.OpType == "Add"))
        {
            var branches = add.Input.Select(i => _producers.GetValueOrDefault(i)).ToList();
            var main = branches.FirstOrDefault(b => b?.OpType == "BatchNormalization" && Kernel(Producer(b.Input[0], "Conv")) == 3)
                ?? throw Bad($"Add '{add.Name}' has no 3×3 convolution branch");
            var conv2 = Producer(main.Input[0], "Conv");
            var first = Producer(Producer(conv2.Input[0], "Relu").Input[0], "BatchNormalization");
            var conv1 = Producer(first.Input[0], "Conv");
            var outChannels = (int)Weights(conv1).Dims[0];
            if (outChannels != width)
            {
                (stage, width) = (stage + 1, outChannels);
                blocks.Add(0);
            }

            var prefix = $"layer{stage + 1}.{blocks[^1]++}";
            var stride = Ints(conv1, "strides")[0];
            var inChannels = (int)Weights(conv1).Dims[1];
            Conv(conv1, prefix + ".conv1", outChannels, inChannels, 3, stride, padding);
            BatchNorm(first, prefix + ".bn1");
            Conv(conv2, prefix + ".conv2", outChannels, outChannels, 3, 1, ResNetPadding.Symmetric);
            BatchNorm(main, prefix + ".bn2");
            if (branches.FirstOrDefault(b => b != main && b?.OpType == "BatchNormalization") is { } projection)
            {
                Conv(Producer(projection.Input[0], "Conv"), prefix + ".downsample.0", outChannels, inChannels, 1, stride, padding);
                BatchNorm(projection, prefix + ".downsample.1");
            }
        }

        if (blocks.Count != 4)
        {
            throw Bad($"found {blocks.Count} stages of residual blocks; a ResNet has 4");
        }

        var convolutions = _graph.Node.Count(n => n.OpType == "Conv");
        var filled = _state.Keys.Count(k => k.EndsWith("conv1.weight", StringComparison.Ordinal) || k.EndsWith("conv2.weight", StringComparison.Ordinal) || k.EndsWith("downsample.0.weight", StringComparison.Ordinal));
        return filled == convolutions ? ([.. blocks], padding) : throw Bad($"{convolutions} convolutions in the graph but {filled} in the residual structure");
    }

    private void Conv(NodeProto node, string name, int outChannels, int inChannels, int kernel, int stride, ResNetPadding padding)
    {
        var dims = Weights(node).Dims.Select(d => (int)d).ToArray();
        if (!dims.SequenceEqual([outChannels, inChannels, kernel, kernel]) || node.Input.Count > 2)
        {
            throw Bad($"{name} ('{node.Name}') has weights ({string.Join(", ", dims)}){(node.Input.Count > 2 ? " and a bias" : "")}; expected ({outChannels}, {inChannels}, {kernel}, {kernel}) and no bias");
        }

        var before = kernel / 2;
        int[] pads = stride > 1 && padding == ResNetPadding.MoreBefore ? [before, before, Math.Max(0, before - 1), Math.Max(0, before - 1)] : [before, before, before, before];
        var actual = Ints(node, "pads") is { Length: > 0 } given ? given : [0, 0, 0, 0];
        if (!Ints(node, "strides").SequenceEqual([stride, stride]) || !actual.SequenceEqual(pads)
            || Ints(node, "dilations").Any(d => d != 1) || node.Attribute.FirstOrDefault(a => a.Name == "group") is { I: not 1 })
        {
            throw Bad($"{name} ('{node.Name}') has strides [{string.Join(", ", Ints(node, "strides"))}] and pads [{string.Join(", ", Ints(node, "pads"))}]; expected [{stride}, {stride}] and [{string.Join(", ", pads)}]");
        }

        _state[name + ".weight"] = Weight(node.Input[1]);
    }

    private void BatchNorm(NodeProto node, string name)
    {
        var epsilon = node.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
        if (Math.Abs(epsilon - 1e-5) > 1e-9)
        {
            throw Bad($"{name} ('{node.Name}') has epsilon {epsilon}; BatchNorm2d uses 1e-5");
        }

        (_state[name + ".weight"], _state[name + ".bias"], _state[name + ".running_mean"], _state[name + ".running_var"]) =
            (Weight(node.Input[1]), Weight(node.Input[2]), Weight(node.Input[3]), Weight(node.Input[4]));
        _state[name + ".num_batches_tracked"] = Tensor.Scalar(0, DType.Int64);
    }

    private Tensor Weight(string name)
    {
        var proto = _initializers.GetValueOrDefault(name) ?? throw Bad($"no initializer '{name}'");
        if (proto.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw Bad($"initializer '{name}' has data type {proto.DataType}; expected float");
        }

        var shape = proto.Dims.Select(d => (int)d).ToArray();
        var values = proto.FloatData.Count > 0 ? [.. proto.FloatData] : MemoryMarshal.Cast<byte, float>(proto.RawData.Span).ToArray();
        return values.Length == shape.Aggregate(1, (a, b) => a * b)
            ? Tensor.FromArray(values, shape)
            : throw Bad($"initializer '{name}' has {values.Length} values for shape ({string.Join(", ", shape)})");
    }

    private TensorProto Weights(NodeProto conv) => _initializers.GetValueOrDefault(conv.Input[1]) ?? throw Bad($"'{conv.Name}' has no weight initializer");

    private NodeProto Producer(string output, string op) =>
        _producers.GetValueOrDefault(output) is { } node && node.OpType == op ? node : throw Bad($"'{output}' is not the output of a {op}");

    private NodeProto Consumer(NodeProto node, string op) =>
        _graph.Node.FirstOrDefault(n => n.OpType == op && n.Input.Contains(node.Output[0])) ?? throw Bad($"no {op} reads '{node.Output[0]}'");

    private int Kernel(NodeProto conv) => (int)Weights(conv).Dims[^1];

    private static int[] Ints(NodeProto node, string attribute) => [.. (node.Attribute.FirstOrDefault(a => a.Name == attribute)?.Ints ?? []).Select(i => (int)i)];

    private DataFormatException Bad(string what) => new($"{_source}: not a ResNet of basic blocks this library can read: {what}.");
}
