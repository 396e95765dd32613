enum DockerCli { Docker, Podman }
