using StackExchange.Redis;

namespace TvmBuild.Engine;

/// <summary>A shared store on a redis server (<c>redis://host:port</c>), the one ccache's remote storage already uses.
/// Each object is one key, <c>tvm-build:&lt;name&gt;</c>, set whole.</summary>
public sealed class RedisStore : ICacheStore, IDisposable
{
    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _database;

    public RedisStore(Uri location)
    {
        Name = $"redis://{location.Host}:{(location.Port > 0 ? location.Port : 6379)}";
        var options = new ConfigurationOptions
        {
            EndPoints = { { location.Host, location.Port > 0 ? location.Port : 6379 } },
            ConnectTimeout = 2000,
            SyncTimeout = 30000,
            AbortOnConnectFail = true,
            ConnectRetry = 1,
        };
        if (location.UserInfo is { Length: > 0 } user) options.Password = Uri.UnescapeDataString(user.Split(':')[^1]);
        _connection = ConnectionMultiplexer.Connect(options);
        _database = _connection.GetDatabase();
    }

    public string Name { get; }

    private static RedisKey KeyOf(string name) => $"tvm-build:{name}";

    public byte[]? Read(string name)
    {
        var value = _database.StringGet(KeyOf(name));
        return value.IsNull ? null : (byte[]?)value;
    }

    public void Write(string name, byte[] content) => _database.StringSet(KeyOf(name), content);

    public bool Exists(string name) => _database.KeyExists(KeyOf(name));

    public bool Download(string name, string file)
    {
        if (Read(name) is not { } content) return false;
        File.WriteAllBytes(file, content);
        return true;
    }

    public void Upload(string name, string file) => Write(name, File.ReadAllBytes(file));

    public void Dispose() => _connection.Dispose();
}
