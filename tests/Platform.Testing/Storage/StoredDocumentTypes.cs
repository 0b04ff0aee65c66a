using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Platform.ServiceDefaults.Storage;
using Xunit;

namespace Platform.Testing.Storage;

/// <summary>
/// The document types an assembly stores, read from its IL: the type arguments of its calls to the store's typed reads,
/// the change set's writes and index declarations, followed through generic helpers (<c>InsertIfMissingAsync&lt;T&gt;</c>).
/// </summary>
public static class StoredDocumentTypes
{
    private static readonly HashSet<MethodInfo> Stores =
    [
        .. typeof(IDocumentStore).GetMethods().Where(m => m.IsGenericMethodDefinition),
        .. typeof(ChangeSet).GetMethods().Where(m => m.IsGenericMethodDefinition && m.Name is nameof(ChangeSet.Insert) or nameof(ChangeSet.Update) or nameof(ChangeSet.Delete)),
        typeof(StorageExtensions.StoreIndexes).GetMethod(nameof(StorageExtensions.StoreIndexes.On))!,
    ];

    private static readonly HashSet<short> CallOpcodes = [OpCodes.Call.Value, OpCodes.Callvirt.Value, OpCodes.Ldftn.Value, OpCodes.Ldvirtftn.Value, OpCodes.Newobj.Value];

    public static IReadOnlySet<Type> Of(params Assembly[] assemblies)
    {
        var calls = assemblies.SelectMany(GenericCalls).ToList();
        // An async method's body, and so its type parameters, live in its state machine type.
        var stateMachines = assemblies.SelectMany(a => a.GetTypes()).SelectMany(t => t.GetMethods(All))
            .Select(m => (Method: m, Machine: m.GetCustomAttribute<StateMachineAttribute>()?.StateMachineType))
            .Where(m => m.Machine is not null).ToDictionary(m => m.Machine!, m => m.Method);
        var stored = new HashSet<Type>();
        // A generic helper that passes its own type parameter on to the store stores whatever its callers give it.
        var storing = new HashSet<MethodInfo>(Stores);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var callee in calls)
            {
                if (!storing.Contains(callee.GetGenericMethodDefinition())) continue;
                foreach (var argument in callee.GetGenericArguments())
                {
                    if (!argument.IsGenericParameter) grew |= stored.Add(argument);
                    else if (argument.DeclaringMethod is MethodInfo helper) grew |= storing.Add(helper);
                    else if (argument.DeclaringType is { } machine && stateMachines.TryGetValue(machine, out var asyncHelper)) grew |= storing.Add(asyncHelper);
                }
            }
        }
        return stored;
    }

    /// <summary>
    /// Every document type the service's assemblies store has a collection name, each name once, and each the name the
    /// store derived from the class before names were explicit (its type name, camelCased), so existing data is found.
    /// </summary>
    public static void AssertNamed(CollectionNames names, Assembly service)
    {
        var stored = Of(service, typeof(CollectionNames).Assembly);
        Assert.NotEmpty(stored);
        Assert.Empty(stored.Where(t => !names.All.ContainsKey(t)).Select(t => t.FullName));
        Assert.Equal(names.All.Count, names.All.Values.Distinct().Count());
        Assert.All(names.All, n => Assert.Equal(char.ToLowerInvariant(n.Key.Name[0]) + n.Key.Name[1..], n.Value));
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<MethodInfo> GenericCalls(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is null) continue;
                // Every position where a call opcode precedes a method-spec token (table 0x2B); positions inside other
                // operands resolve to nothing or, at worst, to a real generic call of this module.
                for (var i = 0; i + 5 <= il.Length; i++)
                {
                    var opcode = il[i] == 0xFE && i + 6 <= il.Length ? (short)(0xFE00 | il[++i]) : il[i];
                    if (!CallOpcodes.Contains(opcode) || il[i + 4] != 0x2B) continue;
                    MethodBase? callee;
                    try
                    {
                        callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1),
                            type.IsGenericType ? type.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null);
                    }
                    catch (Exception e) when (e is ArgumentException or BadImageFormatException)
                    {
                        continue;
                    }
                    if (callee is MethodInfo { IsGenericMethod: true } generic) yield return generic;
                }
            }
    }
}
