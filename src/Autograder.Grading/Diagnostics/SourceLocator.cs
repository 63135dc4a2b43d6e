using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Autograder.Grading.Diagnostics;

/// <summary>Finds where a method's body starts in the source, from an assembly's metadata and its portable PDB (reading, never loading, the code).</summary>
public sealed class SourceLocator : IDisposable
{
    private readonly PEReader? _pe;
    private readonly MetadataReaderProvider? _pdb;

    /// <summary>Initializes a new instance of the <see cref="SourceLocator"/> class for an assembly; without a PDB beside it, nothing is found.</summary>
    public SourceLocator(string assemblyPath)
    {
        var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        if (!File.Exists(assemblyPath) || !File.Exists(pdbPath))
        {
            return;
        }

        _pe = new PEReader(File.OpenRead(assemblyPath));
        _pdb = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdbPath));
    }

    /// <summary>Returns the file, line and column of the first statement of <c>Namespace.Type.Method</c>, or null.</summary>
    public (string File, int Line, int Column)? Find(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (_pe is null || _pdb is null)
        {
            return null;
        }

        var dot = member.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var (typeName, methodName) = (member[..dot], member[(dot + 1)..]);
        var metadata = _pe.GetMetadataReader();
        var pdb = _pdb.GetMetadataReader();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            var fullName = $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
            if (fullName != typeName)
            {
                continue;
            }

            foreach (var methodHandle in type.GetMethods())
            {
                if (metadata.GetString(metadata.GetMethodDefinition(methodHandle).Name) != methodName)
                {
                    continue;
                }

                var debug = pdb.GetMethodDebugInformation(MetadataTokens.MethodDebugInformationHandle(MetadataTokens.GetRowNumber(methodHandle)));
                foreach (var point in debug.GetSequencePoints())
                {
                    if (!point.IsHidden)
                    {
                        return (pdb.GetString(pdb.GetDocument(point.Document).Name), point.StartLine, point.StartColumn);
                    }
                }
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _pe?.Dispose();
        _pdb?.Dispose();
    }
}
