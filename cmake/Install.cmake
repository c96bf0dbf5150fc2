# `cmake --install` puts the headers, the two static libraries and a CMake package
# config in place, so other projects can `find_package(medusa_personalize)` and link
# medusa::personalize (the core) or medusa::client (the native client).
include(CMakePackageConfigHelpers)

install(TARGETS medusa_personalize medusa_personalize_client
        EXPORT medusa_personalize_targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY sdk/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT medusa_personalize_targets
        NAMESPACE medusa::
        FILE medusa_personalizeTargets.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/medusa_personalize)
configure_package_config_file(cmake/medusa_personalizeConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/medusa_personalizeConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/medusa_personalize)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/medusa_personalizeConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/medusa_personalizeConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/medusa_personalizeConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/medusa_personalize)
