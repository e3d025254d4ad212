// expect: RE
// Opens a TCP connection to a public DNS server.
import java.net.InetSocketAddress;
import java.net.Socket;

public class Main {
    public static void main(String[] args) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("1.1.1.1", 53), 1000);
        }
        System.out.println("ESCAPED");
    }
}
