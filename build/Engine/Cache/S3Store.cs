using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace TvmBuild.Engine;

/// <summary>A shared store in an S3 bucket (<c>s3://bucket/prefix</c>), what TVM's CI keeps its artifacts in. The
/// endpoint comes from AWS_ENDPOINT_URL (an S3-compatible server), the credentials and region from the AWS SDK's usual
/// chain (AWS_ACCESS_KEY_ID..., AWS_PROFILE, ~/.aws); none of them is ever logged. An object is put whole.</summary>
public sealed class S3Store : ICacheStore
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;

    public S3Store(Uri location, Func<string, string?> environment)
    {
        _bucket = location.Host;
        _prefix = location.AbsolutePath.Trim('/');
        Name = $"s3://{_bucket}/{_prefix}".TrimEnd('/');
        var config = new AmazonS3Config
        {
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 1,
            // Plain bodies: S3-compatible servers do not all read aws-chunked uploads with checksum trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            AuthenticationRegion = environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION") ?? "us-east-1",
        };
        if ((environment("AWS_ENDPOINT_URL_S3") ?? environment("AWS_ENDPOINT_URL")) is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true; // a local server has no bucket subdomains
        }
        else config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(config.AuthenticationRegion);
        _client = new AmazonS3Client(config);
    }

    public string Name { get; }

    private string KeyOf(string name) => _prefix.Length == 0 ? name : $"{_prefix}/{name}";

    public byte[]? Read(string name)
    {
        try
        {
            using var response = _client.GetObjectAsync(_bucket, KeyOf(name)).GetAwaiter().GetResult();
            using var memory = new MemoryStream();
            response.ResponseStream.CopyTo(memory);
            return memory.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound) { return null; }
    }

    public void Write(string name, byte[] content) =>
        Put(new PutObjectRequest { BucketName = _bucket, Key = KeyOf(name), InputStream = new MemoryStream(content) });

    public bool Exists(string name)
    {
        try
        {
            _client.GetObjectMetadataAsync(_bucket, KeyOf(name)).GetAwaiter().GetResult();
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound) { return false; }
    }

    public bool Download(string name, string file)
    {
        try
        {
            using var response = _client.GetObjectAsync(_bucket, KeyOf(name)).GetAwaiter().GetResult();
            using var output = File.Create(file);
            response.ResponseStream.CopyTo(output);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound) { return false; }
    }

    public void Upload(string name, string file) =>
        Put(new PutObjectRequest { BucketName = _bucket, Key = KeyOf(name), FilePath = file });

    private void Put(PutObjectRequest request)
    {
        request.UseChunkEncoding = false;
        _client.PutObjectAsync(request).GetAwaiter().GetResult();
    }

    /// <summary>The SDK's message without request ids or credentials.</summary>
    public static string Describe(Exception e) => e switch
    {
        AmazonS3Exception s3 => $"{(int)s3.StatusCode} {s3.ErrorCode ?? s3.StatusCode.ToString()}",
        AmazonServiceException service => service.Message,
        _ => e.Message,
    };
}
