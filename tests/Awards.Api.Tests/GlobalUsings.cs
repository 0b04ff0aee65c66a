global using Platform.Testing.Service;
