## Työjaksot selkokielellä (osallistujan sivut). Puuttuvat avaimet tulevat yleiskielestä.
